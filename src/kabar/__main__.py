from kabar.cli import main

main()
