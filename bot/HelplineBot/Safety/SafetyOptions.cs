using System.ComponentModel.DataAnnotations;

namespace HelplineBot.Safety;

/// <summary>Where the safety rules live and how the screen reads them. Section "Safety".</summary>
public sealed class SafetyOptions
{
    public const string Section = "Safety";

    /// <summary>Folder of the rule, lexicon and reply files; relative to the app's folder. Default "knowledge/safety".</summary>
    [Required] public string RulesFolder { get; set; } = "knowledge/safety";

    /// <summary>How many words before a match a negation ("not", "never", "no") still cancels it. Default 4.</summary>
    [Range(0, 10)] public int NegationWindow { get; set; } = 4;

    /// <summary>
    /// The combined confidence a category needs to become the verdict; weaker signals need company. Default 0.5.
    /// </summary>
    [Range(0.01, 1.0)] public double MinimumConfidence { get; set; } = 0.5;

    /// <summary>
    /// Ask the "AzureOpenAI" deployment for a second opinion on messages the rules do not flag as a crisis; it may
    /// raise them to a crisis, never lower one. Has effect only when AzureOpenAI:Endpoint is set. Default true.
    /// </summary>
    public bool SecondOpinion { get; set; } = true;

    /// <summary>The longest a message waits for the second opinion (one attempt) before the rules' verdict stands. Default 0.8 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:05")]
    public TimeSpan SecondOpinionTimeBudget { get; set; } = TimeSpan.FromMilliseconds(800);

    public string RulesFolderFullPath =>
        Path.IsPathRooted(RulesFolder) ? RulesFolder : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, RulesFolder));
}
