using System.Collections.Concurrent;
using System.Diagnostics;

namespace HelplineBot.Benchmarks;

/// <summary>Collects per-turn latencies and errors, and prints turns/s (or the count) with p50/p99.</summary>
internal sealed class LatencyRecorder
{
    private readonly ConcurrentBag<double> _milliseconds = [];
    private int _errors;
    private readonly Stopwatch _wall = new();

    public void Start() => _wall.Restart();
    public void Stop() => _wall.Stop();
    public void Record(TimeSpan latency) => _milliseconds.Add(latency.TotalMilliseconds);
    public void Error() => Interlocked.Increment(ref _errors);

    public int Turns => _milliseconds.Count;
    public int Errors => _errors;

    public string Summary(string name)
    {
        var seconds = _wall.Elapsed.TotalSeconds;
        return $"{name}: turns={_milliseconds.Count} errors={_errors} elapsed={seconds:F1}s turns/s={_milliseconds.Count / seconds:F0} {Percentiles()}";
    }

    /// <summary>For one-at-a-time measurements, where a rate says nothing: count, errors and the percentiles.</summary>
    public string Describe(string name) => $"{name}: n={_milliseconds.Count} errors={_errors} {Percentiles()}";

    private string Percentiles()
    {
        var sorted = _milliseconds.OrderBy(x => x).ToArray();
        double Percentile(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return $"p50={Percentile(0.50):F1}ms p99={Percentile(0.99):F1}ms max={(sorted.Length == 0 ? double.NaN : sorted[^1]):F1}ms";
    }
}
