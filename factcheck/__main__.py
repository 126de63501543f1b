"""The `factcheck` command (also `python -m factcheck`): the commands of factcheck/cli.py
and Flask's own, on an app built from the FACTCHECK_* environment."""

from flask.cli import FlaskGroup

from factcheck import create_app

main = FlaskGroup(create_app=create_app, help="factcheck: manage the fact-checking service.")

if __name__ == "__main__":
    main()
