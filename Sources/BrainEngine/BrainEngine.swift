/// The engine: process, ingest, worker, status, export.
public enum BrainEngine {}
