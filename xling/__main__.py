from xling.cli.main import main

main()
