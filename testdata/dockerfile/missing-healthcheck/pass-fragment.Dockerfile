# A fragment: its base image is unknown.
COPY site/ /srv/
