FROM quay.io/jupyter/scipy-notebook:2024-07-29
COPY notebooks /home/jovyan/work
