"""Synthesis backends behind one interface (base.Backend): voxcpm and the espeak preview."""
