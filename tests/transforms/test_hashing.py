from pipelines.transforms.hashing import sha256_file, sha256_text, short_id

ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


def test_digests_of_text_and_file_agree_with_the_standard_vector(tmp_path):
    path = tmp_path / "abc.txt"
    path.write_bytes(b"abc")
    assert sha256_text("abc") == sha256_file(path) == ABC
    assert short_id("abc") == ABC[:16]


def test_text_is_hashed_as_utf8():
    assert sha256_text("é") == sha256_text("\u00e9") != sha256_text("e\u0301")
