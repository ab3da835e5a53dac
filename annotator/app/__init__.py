"""The application: one Qt-free core that the window and the command line share."""
