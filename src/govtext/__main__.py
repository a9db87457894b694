"""``python -m govtext`` runs the same command line as the ``govtext`` script."""

from govtext.cli.app import main

if __name__ == "__main__":
    main()
