//! Shared helpers for the package-manager rules (apt-get, apk, pip, npm, gem, go, yum, dnf,
//! zypper): which commands install packages and which arguments are package names.
