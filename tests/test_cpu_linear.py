"""The oneDNN float32 Linear swapped in by load_model on the CPU (synth/voxcpm/cpu_linear.py)."""
from pathlib import Path

import pytest
import torch
import torch.nn.functional as F
from torch import nn

import synth
from synth.voxcpm import cpu_linear
from synth.voxcpm.cpu_linear import OneDNNLinear, use_mkl_linears, use_onednn_linears

TINY = Path(__file__).parent / "data" / "voxcpm-tiny"


def test_the_pinned_torch_build_has_a_working_onednn_linear():
    # torch==2.13.0 (CPU wheel) is what .ci/run installs; without the op CPU steps are 2x slower.
    assert cpu_linear.onednn_linear_works()


@pytest.mark.parametrize("shape", [(7, 96), (2, 5, 96), (1, 1, 96), (0, 96)])
@pytest.mark.parametrize("bias", [True, False])
def test_same_result_as_f_linear(shape, bias):
    torch.manual_seed(0)
    layer = nn.Linear(96, 40, bias=bias)
    x = torch.randn(shape)
    want = F.linear(x, layer.weight, layer.bias)
    use_onednn_linears(layer)
    assert type(layer) is OneDNNLinear
    with torch.inference_mode():
        got = layer(x)
    assert got.shape == want.shape
    torch.testing.assert_close(got, want, rtol=1e-5, atol=1e-5)


def test_non_contiguous_input():
    torch.manual_seed(1)
    layer = nn.Linear(64, 32)
    x = torch.randn(64, 10).t()  # a transposed view, as attention outputs often are
    want = F.linear(x, layer.weight, layer.bias)
    use_onednn_linears(layer)
    with torch.inference_mode():
        torch.testing.assert_close(layer(x), want, rtol=1e-5, atol=1e-5)


def test_other_dtypes_and_autograd_fall_back_to_f_linear():
    torch.manual_seed(2)
    layer = nn.Linear(16, 8)
    use_onednn_linears(layer)
    x = torch.randn(3, 16, requires_grad=True)
    layer(x).sum().backward()  # the oneDNN op has no backward: the layer must not use it here
    want = torch.ones(3, 8) @ layer.weight.to_dense()
    torch.testing.assert_close(x.grad, want)
    assert not layer.weight.requires_grad  # packed weights are for inference: no weight gradient
    with torch.inference_mode():
        y = layer(torch.randn(3, 16, dtype=torch.bfloat16))  # still packed: unpacked per call
    assert y.dtype == torch.bfloat16
    assert type(layer.to("cpu").float()) is OneDNNLinear  # a no-op move or cast keeps it packed
    bf = layer.to(torch.bfloat16)  # a packed weight cannot be cast: an ordinary Linear comes back
    assert type(bf) is nn.Linear and bf.weight.dtype == torch.bfloat16
    with torch.inference_mode():
        assert bf(torch.randn(3, 16, dtype=torch.bfloat16)).dtype == torch.bfloat16


def test_a_packed_layer_can_be_deep_copied():
    import copy
    torch.manual_seed(3)
    layer = nn.Sequential(nn.Linear(32, 16))
    use_onednn_linears(layer)
    twin = copy.deepcopy(layer)
    assert type(twin[0]) is OneDNNLinear and twin[0].weight is not layer[0].weight
    x = torch.randn(4, 32)
    with torch.inference_mode():
        torch.testing.assert_close(twin(x), layer(x), rtol=0, atol=0)


def test_a_broken_op_leaves_the_layers_alone(monkeypatch):
    monkeypatch.setattr(cpu_linear, "_onednn", lambda x, w, b: F.linear(x, w, b) + 1.0)
    cpu_linear.onednn_linear_works.cache_clear()
    try:
        layer = nn.Linear(8, 8)
        assert use_onednn_linears(layer) == 0
        assert type(layer) is nn.Linear
    finally:
        monkeypatch.undo()
        cpu_linear.onednn_linear_works.cache_clear()


def test_load_model_uses_it_on_cpu_float32_with_the_same_state_dict():
    model = synth.load_model(TINY, device="cpu")
    linears = [m for m in model.net.modules() if isinstance(m, nn.Linear)]
    assert linears and all(type(m) is OneDNNLinear for m in linears)
    assert all(m.weight.layout == torch._mkldnn for m in linears)  # packed once, at load
    packed_state = model.net.state_dict()
    assert all(v.layout == torch.strided for v in packed_state.values())  # saveable as usual
    assert use_mkl_linears(model.net) == len(linears)
    unpacked_state = model.net.state_dict()
    assert list(unpacked_state) == list(packed_state)
    assert all(torch.equal(packed_state[k], unpacked_state[k]) for k in packed_state)
    # MKL and oneDNN generations agree to float32 rounding, far inside the conformance tolerance.
    mkl = model.generate_latents(["你好"], seeds=[3], max_len=4, min_len=4)[0]
    use_onednn_linears(model.net)
    onednn = model.generate_latents(["你好"], seeds=[3], max_len=4, min_len=4)[0]
    torch.testing.assert_close(onednn, mkl, rtol=0, atol=1e-4)


def test_bfloat16_models_are_packed_too_and_int8_keeps_its_own_kernels():
    bf = synth.load_model(TINY, device="cpu", dtype="bfloat16")
    packed = [m for m in bf.net.modules() if type(m) is OneDNNLinear]
    assert packed and all(m.weight.dtype == torch.bfloat16 for m in packed)
    x = torch.randn(3, packed[0].in_features, dtype=torch.bfloat16)
    with torch.inference_mode():  # the same bfloat16 result as torch's own kernel
        torch.testing.assert_close(packed[0](x), F.linear(x, packed[0].weight.to_dense()),
                                   rtol=1e-2, atol=1e-2)
    q = synth.load_model(TINY, device="cpu", quantize="int8")
    quantized = [m for m in q.net.modules() if "quantized" in type(m).__module__]
    assert quantized and not any(isinstance(m, OneDNNLinear) for m in quantized)


def test_int8_quantisation_of_a_model_already_on_onednn_linears_still_quantises():
    from synth.voxcpm.precision import quantize_int8
    model = synth.load_model(TINY, device="cpu")
    quantize_int8(model.net)
    quantized = [m for m in model.net.modules() if "quantized" in type(m).__module__]
    assert len(quantized) >= 7 * len(model.net.base_lm.layers)


def test_a_loaded_model_never_unpacks_weights_outside_inference_mode(monkeypatch):
    # Trap of session 3: with grad-requiring embeddings/norms, a prefill outside inference mode
    # sent every packed layer to F.linear(x, weight.to_dense()): a copy of every weight, kept
    # alive by the autograd graph (+1.7 GiB at full size).  load_model returns an inference-only net.
    model = synth.load_model(TINY, device="cpu")
    assert not any(p.requires_grad for p in model.net.parameters())

    def no_unpacking(weight):
        raise AssertionError("a packed weight was unpacked for a forward pass")
    monkeypatch.setattr(cpu_linear, "dense", no_unpacking)
    ids = torch.tensor([model.encode_text("你好")])
    with torch.enable_grad():
        hidden = model.net.base_lm(model.net.base_lm.embed_tokens(ids), causal=True)[0]
    assert not hidden.requires_grad
