# A fragment is one implicit stage.
CMD ["a"]
CMD ["b"]
