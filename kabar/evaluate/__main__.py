import sys

from kabar.evaluate import main

sys.exit(main(sys.argv[1:]))
