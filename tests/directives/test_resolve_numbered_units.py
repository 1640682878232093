"""Units that differ only by their number or place name are not confused."""
from directives import resolve_unit


def test_numbered_wards_resolve_to_themselves():
    directory = [(f"UBND Phường {n}", ()) for n in range(1, 15)] + [("Thuế tỉnh", ())]
    assert resolve_unit("UBND Phường 7", directory) == ("UBND Phường 7", 100.0)
    assert resolve_unit("UBND phường 12", directory)[0] == "UBND Phường 12"
    # a key shared by several units is dropped, a unique one still works
    assert resolve_unit("Thuế tỉnh Lào Cai", directory)[0] == "Thuế tỉnh"
