// nas-studio-cli: run, resume, list, show, export, train and inspect architecture searches.
#include "cli.h"

int main(int argc, char** argv) { return nas::cli::run(argc, argv); }
