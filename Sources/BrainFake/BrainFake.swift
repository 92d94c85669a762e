/// The scriptable fake provider server used by tests, the demo and benchmarks.
public enum BrainFake {}
