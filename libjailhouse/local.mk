# (filled in by the libjailhouse/CLI work, issue 4)
