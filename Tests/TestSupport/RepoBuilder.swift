import PaddockGit
