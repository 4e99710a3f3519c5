using BenchmarkDotNet.Running;
using Do.Orleans.Benchmarks;

// dotnet run -c Release --project benchmarks/Do.Sdk.Orleans.Benchmarks
BenchmarkRunner.Run<VerbThroughClusterBenchmarks>();
