using HelplineBot.Handoff;
using HelplineBot.Protocol.Schema;
using HelplineBot.Safety;

namespace HelplineBot.Tests.Handoff;

public class VisitorScreeningTests
{
    [Fact]
    public void From_CrisisVerdict_KeepsLabelAndOnlyEvidenceThatCounted()
    {
        var verdict = new SafetyVerdict(SafetyCategory.CrisisSuicide, 0.95,
        [
            new SafetyEvidence("suicide-intent", SafetyCategory.CrisisSuicide, "want to end it"),
            new SafetyEvidence("suicide-word", SafetyCategory.CrisisSuicide, "suicide", SetAsideBy: "negation"),
        ]);

        var screening = VisitorScreening.From(verdict);

        Assert.True(screening.IsCrisis);
        Assert.Equal("crisis_suicide", screening.Label);
        Assert.Equal(["suicide-intent: \"want to end it\""], screening.Evidence);
    }

    [Fact]
    public void From_NothingFound_IsNone() => Assert.Same(VisitorScreening.None, VisitorScreening.From(SafetyVerdict.Nothing));

    [Fact]
    public void ForCrisis_InboundActivity_AddressesThePersonWithCrisisPriority()
    {
        var inbound = new Activity
        {
            Type = ActivityTypes.Message, ChannelId = "msteams", ServiceUrl = "https://smba.trafficmanager.net/amer/",
            Conversation = new ConversationAccount { Id = "a:1" }, From = new ChannelAccount { Id = "29:user" },
            Recipient = new ChannelAccount { Id = "28:bot" }, Locale = "en-US",
        };

        var ticket = HandoffTicket.ForCrisis(inbound, new VisitorScreening(true, "crisis_overdose_medical", ["od: \"took too much\""]));

        Assert.Equal(new VisitorAddress("msteams", "a:1", "https://smba.trafficmanager.net/amer/", "29:user", "28:bot"), ticket.Visitor);
        Assert.Equal(HandoffReason.Crisis, ticket.Reason);
        Assert.Equal(0, ticket.Reason.Priority());
        Assert.Equal("crisis_overdose_medical", ticket.CrisisCategory);
        Assert.Equal(["od: \"took too much\""], ticket.Context.SafetyEvidence);
    }
}
