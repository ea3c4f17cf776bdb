using HelplineBot.Hosting;
using HelplineBot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace HelplineBot.Knowledge;

/// <summary>
/// The activities the answerer sends: an answer with its source line and follow-up buttons, or a kind
/// decline that says what the bot cannot do and how to reach an advisor.
/// </summary>
public sealed class AnswerReplies(KnowledgeBase knowledge, IOptions<HelplineOptions> helpline, IOptions<KnowledgeOptions> options)
{
    public const string AdvisorButton = "Talk to an advisor";

    /// <summary>An answer built from <paramref name="text"/>, citing <paramref name="sections"/> (first is the main one).</summary>
    public Answer Answered(string text, IReadOnlyList<KnowledgeSection> sections, IEnumerable<KnowledgeSection> related, AnswerMode mode)
    {
        var main = sections[0];
        var from = string.Join("; ", sections.Select(s => s.SourceLabel).Distinct());
        var reply = Message($"{knowledge.Fill(text)}\n\n_From: {from}_");
        var shown = sections.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var followUps = main.Next
            .Select(knowledge.FindSection)
            .OfType<KnowledgeSection>()
            .Concat(related)
            .Where(s => shown.Add(s.Id))
            .Take(options.Value.MaxFollowUps)
            .Select(s => CardAction.ImBack(s.Title))
            .ToList();
        if (followUps.Count > 0) reply.SuggestedActions = new SuggestedActions { Actions = followUps };
        return new Answer { Replies = [reply], Declined = false, Sources = sections.Select(s => s.Id).ToList(), Mode = mode };
    }

    public Answer Declined(DeclineReason reason)
    {
        var phone = helpline.Value.Phone;
        var text = $"{Lead(reason)}\n\nAn advisor can talk it through with you in confidence: call {phone} ({helpline.Value.Hours}), or tap \"{AdvisorButton}\".";
        if (reason is DeclineReason.Dosing or DeclineReason.DrugCombination or DeclineReason.SelfDetox)
        {
            text += "\n\nIf someone has taken something and is unwell right now, call 911 or Poison Control at 1-800-222-1222.";
        }
        var actions = new List<CardAction> { CardAction.ImBack(AdvisorButton) };
        actions.AddRange(Suggested(reason).Select(knowledge.FindSection).OfType<KnowledgeSection>().Select(s => CardAction.ImBack(s.Title)));
        var reply = Message(text);
        reply.SuggestedActions = new SuggestedActions { Actions = actions.Take(Math.Max(1, options.Value.MaxFollowUps)).ToList() };
        return new Answer { Replies = [reply], Declined = true, DeclineReason = reason, Mode = AnswerMode.Declined };
    }

    private static string Lead(DeclineReason reason) => reason switch
    {
        DeclineReason.Dosing => "I'm sorry, I can't give information on doses or amounts of ketamine, or say how much is safe.",
        DeclineReason.DrugCombination => "I'm sorry, I can't say whether ketamine can be taken together with alcohol, medicines or other drugs.",
        DeclineReason.Diagnosis => "I can't tell whether a particular person is using ketamine, is addicted or has been harmed: that needs a proper assessment by a professional.",
        DeclineReason.PriceOrInsurance => "I don't have information on prices, fees or insurance for a particular centre or insurer.",
        DeclineReason.LegalOrEmployment => "I'm sorry, I can't give legal or employment advice.",
        DeclineReason.OtherDrug => "I can only answer questions about ketamine and its treatment, so I don't have reliable information on that.",
        DeclineReason.Medication => "Our information doesn't name medicines for ketamine addiction, cravings or withdrawal; which medicine, if any, is a decision for a doctor.",
        DeclineReason.SelfDetox => "I can't guide detoxing or tapering on your own. Detox is safest under the supervision of a trained physician.",
        DeclineReason.MedicalAdvice => "I can't give personal medical advice, including about ketamine as a therapy; that is a question for your own doctor.",
        DeclineReason.DetectionWindow => "I don't have information on drug tests or how long ketamine can be detected.",
        DeclineReason.Duration => "I don't have reliable information on how long that takes.",
        DeclineReason.Statistics => "I don't have reliable figures on that.",
        _ => "I'm sorry, I don't have reliable information on that.",
    };

    // Sections that help after a decline, offered as buttons when they exist.
    private static string[] Suggested(DeclineReason reason) => reason switch
    {
        DeclineReason.Diagnosis => ["signs-of-addiction", "helping-a-loved-one"],
        DeclineReason.SelfDetox => ["supervised-detox", "detox-and-withdrawal"],
        DeclineReason.Medication => ["medication-management", "detox-and-withdrawal"],
        DeclineReason.Duration => ["choosing-level-of-care", "treatment-works"],
        DeclineReason.Dosing or DeclineReason.DrugCombination => ["short-term-effects", "treatment-works"],
        _ => ["treatment-works", "what-is-ketamine"],
    };

    private static Activity Message(string text) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        TextFormat = "markdown",
        InputHint = "acceptingInput",
    };
}
