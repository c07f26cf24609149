from gluteui.cli import main

raise SystemExit(main())
