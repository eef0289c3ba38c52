"""The ``newsdata`` console command: list, download, or turn a version into a DuckDB file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsdata_client.database import DatabaseError, build_database
from newsdata_client.fetch import DownloadError, available_versions, default_base_url, download


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit status (0 success, 1 failure)."""
    # --base-url is accepted before or after the subcommand.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--base-url",
        default=argparse.SUPPRESS,
        help="where versions are published: a URL or a folder holding versions.json "
        f"(default: NEWSDATA_BASE_URL, else {default_base_url() or 'none published'})",
    )
    parser = argparse.ArgumentParser(
        prog="newsdata", description="Fetch the newsdata dataset.", parents=[common]
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("versions", help="list the published versions", parents=[common])
    fetch = commands.add_parser(
        "download", help="download and verify one version", parents=[common]
    )
    fetch.add_argument("--version", default="latest", help="a version such as 0.4.0, or latest")
    fetch.add_argument(
        "--dest", default=None, help="folder to write <version>/ into (default: the cache)"
    )
    fetch.add_argument("--quiet", action="store_true", help="no progress bar")
    db = commands.add_parser(
        "database",
        help="download one version and write it as one DuckDB file with its keys",
        parents=[common],
    )
    db.add_argument("--version", default="latest", help="a version such as 0.4.0, or latest")
    db.add_argument(
        "--out", default=None, help="the file to write (default: newsdata-<version>.duckdb here)"
    )
    db.add_argument("--quiet", action="store_true", help="no progress bar")
    args = parser.parse_args(argv)
    args.base_url = getattr(args, "base_url", None)
    try:
        if args.command == "versions":
            index = available_versions(args.base_url)
            for entry in index["versions"]:
                marker = "  (latest)" if entry["version"] == index["latest"] else ""
                print(f"{entry['version']}{marker}")
        elif args.command == "download":
            folder = download(args.version, args.dest, args.base_url, progress=not args.quiet)
            print(f"verified {folder}")
        else:
            folder = download(args.version, None, args.base_url, progress=not args.quiet)
            out = Path(args.out or f"newsdata-{folder.name}.duckdb")
            print(f"wrote {build_database(folder, out)}")
    except (DownloadError, DatabaseError) as exc:
        print(f"newsdata: error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
