using System.ComponentModel.DataAnnotations;

namespace HelplineBot.Hosting;

/// <summary>Input limits. Section "Limits".</summary>
public sealed class LimitsOptions
{
    public const string Section = "Limits";

    /// <summary>Largest activity body accepted, in bytes. Default 262144 (256 KiB, Direct Line's own limit); larger → 413.</summary>
    [Range(1024, 4 * 1024 * 1024)] public int MaxActivityBytes { get; set; } = 256 * 1024;
}
