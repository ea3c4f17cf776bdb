using System.ComponentModel.DataAnnotations;

namespace HelplineBot.Knowledge;

/// <summary>Where the knowledge files are and how sure retrieval must be to answer. Section "Knowledge".</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "Knowledge";

    /// <summary>Folder holding topics/*.md and synonyms.yaml; relative to the app's folder. Default "knowledge".</summary>
    [Required] public string Folder { get; set; } = "knowledge";

    /// <summary>Lowest BM25 score of the best section that still counts as an answer. Default 0.5.</summary>
    [Range(0.0, 100.0)] public double MinScore { get; set; } = 0.5;

    /// <summary>
    /// Lowest idf-weighted share of the question's asking words (framing, disclaimers and preambles left
    /// out, see Retrieval.QuestionFocus) the best section must contain. Default 0.5:
    /// a question mostly about something the knowledge never mentions is declined.
    /// </summary>
    [Range(0.0, 1.0)] public double MinCoverage { get; set; } = 0.5;

    /// <summary>Follow-up buttons under an answer. Default 3.</summary>
    [Range(0, 5)] public int MaxFollowUps { get; set; } = 3;

    /// <summary>Rebuild the index when a knowledge file changes. Default: on in Development only.</summary>
    public bool? WatchFiles { get; set; }

    public string FolderFullPath => Path.IsPathRooted(Folder) ? Folder : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, Folder));
}
