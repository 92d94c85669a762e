/// Store: the SQLite file.
public enum BrainStore {}
