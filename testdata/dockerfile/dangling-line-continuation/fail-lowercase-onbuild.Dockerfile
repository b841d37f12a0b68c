from alpine:3.20
onbuild run echo hello   \   
