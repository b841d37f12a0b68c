FROM registry.access.redhat.com/ubi9/ubi-minimal
RUN microdnf install -y tar gzip
# A removal whose path is a variable is not taken as the clean-up.
RUN microdnf install -y gnupg2 && rm -rf "$GNUPGHOME"
