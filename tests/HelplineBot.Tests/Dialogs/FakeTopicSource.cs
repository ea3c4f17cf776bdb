using HelplineBot.Knowledge;

namespace HelplineBot.Tests.Dialogs;

/// <summary>Every topic id the flows name, with placeholder text, until the knowledge source lands.</summary>
public sealed class FakeTopicSource : ITopicSource
{
    public static readonly IReadOnlySet<string> Ids = new HashSet<string>
    {
        "inpatient-rehab", "aftercare", "detox-and-withdrawal", "signs-of-addiction", "helping-a-loved-one",
        "outpatient-treatment", "what-is-ketamine", "short-term-effects", "long-term-effects", "bladder-and-kidneys",
        "street-names", "recovery-journey", "reaching-an-advisor",
    };

    public TopicSummary? Find(string sectionId) =>
        Ids.Contains(sectionId) ? new TopicSummary(sectionId, $"Topic {sectionId}", $"TOPIC[{sectionId}]", "test source") : null;
}
