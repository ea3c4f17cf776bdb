namespace HelplineBot.Knowledge;

/// <summary>
/// Knowledge sections by id, for scripted flows that explain a topic (a flow step names a section id
/// such as "inpatient-rehab"; the text itself lives in knowledge/topics/*.md).
/// </summary>
public interface ITopicSource
{
    /// <summary>The section's title and short answer, or null when no section has that id.</summary>
    TopicSummary? Find(string sectionId);
}

/// <summary>A knowledge section as a flow shows it: title, short answer and where it comes from.</summary>
public sealed record TopicSummary(string Id, string Title, string ShortAnswer, string SourceLabel);
