from roadmap_check.cli import main

main()
