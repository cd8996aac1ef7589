"""Two builds of the same sources give identical files on different days (issue 10)."""
import gzip
import os
import subprocess

from generator import reproducible


def test_the_build_date_is_the_sources_date(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    reproducible.set_source_date_epoch()
    last_commit = subprocess.run(["git", "log", "-1", "--format=%ct"], capture_output=True, text=True,
                                 cwd=reproducible.ROOT).stdout.strip()
    assert os.environ["SOURCE_DATE_EPOCH"] == last_commit
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    reproducible.set_source_date_epoch()
    assert os.environ["SOURCE_DATE_EPOCH"] == "1700000000"  # the caller's choice wins


def test_gzip_files_carry_no_timestamp(tmp_path):
    path = tmp_path / "sitemap.xml.gz"
    path.write_bytes(gzip.compress(b"<urlset/>", mtime=1234567890))
    reproducible.gzip_without_timestamp(path)
    data = path.read_bytes()
    assert data[4:8] == b"\0\0\0\0" and gzip.decompress(data) == b"<urlset/>"
