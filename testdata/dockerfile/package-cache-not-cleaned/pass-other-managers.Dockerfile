# A fragment without FROM: every RUN is in the (only) stage.
RUN microdnf install -y tar gzip && microdnf clean all
RUN zypper --non-interactive install curl && zypper clean --all
RUN zypper -n in git && zypper cc -a
RUN tdnf install -y git && tdnf clean all
