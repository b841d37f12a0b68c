FROM photon:5.0
RUN tdnf install -y git && dnf clean all
