using HelplineBot.Dialogs.Flows;
using HelplineBot.Handoff;
using HelplineBot.Tests.Dialogs;

namespace HelplineBot.Tests.Handoff;

/// <summary>A messages file the handoff cannot speak from stops the start, with the file, the line and what is wrong.</summary>
public class HandoffMessageValidationTests
{
    private const string MessagesFile = "knowledge/messages/en.yaml";

    [Fact]
    public void ShippedMessages_WithTheHandoffsMessages_AreValid()
    {
        var set = FlowCatalog.LoadFrom(HandoffMessagesTests.KnowledgeFolder, "en", HandoffMessagesTests.Actions, new FakeTopicSource(), HandoffMessages.Required);

        Assert.All(HandoffMessages.Required, message => Assert.True(set.Messages.Contains(message.Id), message.Id));
    }

    [Fact]
    public void HandoffMessageMissing_StopsTheStartNamingIt()
    {
        var knowledge = new KnowledgeCopy();
        var lines = File.ReadAllLines(knowledge.MessagesPath);
        File.WriteAllLines(knowledge.MessagesPath, lines.Where(l => !l.TrimStart().StartsWith("handoff.breathing:", StringComparison.Ordinal)));

        var ex = Load(knowledge);

        var error = Assert.Single(ex.Errors);
        Assert.Equal(MessagesFile, error.File);
        Assert.Contains("the message 'handoff.breathing', which the bot says by itself, is missing", ex.Message);
    }

    [Fact]
    public void HandoffMessageMissing_IsAcceptedWhenTheHandoffIsNotPartOfTheBot()
    {
        var knowledge = new KnowledgeCopy();
        var lines = File.ReadAllLines(knowledge.MessagesPath);
        File.WriteAllLines(knowledge.MessagesPath, lines.Where(l => !l.TrimStart().StartsWith("handoff.breathing:", StringComparison.Ordinal)));

        var set = FlowCatalog.LoadFrom(knowledge.Folder, "en", HandoffMessagesTests.Actions, new FakeTopicSource());

        Assert.False(set.Messages.Contains("handoff.breathing"));
    }

    [Fact]
    public void UnknownPlaceholderInHandoffMessage_IsReportedWithLineAndWhatItMayUse()
    {
        var knowledge = new KnowledgeCopy();
        HandoffMessagesTests.Edit(knowledge, "{advisor.firstName}, an advisor, has joined", "{advisor.name}, an advisor, has joined");

        var error = Assert.Single(Load(knowledge).Errors);

        Assert.Equal(MessagesFile, error.File);
        Assert.Equal(LineOf(knowledge, "handoff.advisor-joined:"), error.Line);
        Assert.Contains("message 'handoff.advisor-joined' uses unknown placeholder '{advisor.name}'", error.Problem);
        Assert.Contains("{advisor.firstName}", error.Problem);
    }

    [Fact]
    public void FlowAnswerInHandoffMessage_IsRefused()
    {
        var knowledge = new KnowledgeCopy();
        HandoffMessagesTests.Edit(knowledge, "call you back at that number.", "call you back on {value.phoneDisplay}.");

        var error = Assert.Single(Load(knowledge).Errors);

        Assert.Equal(LineOf(knowledge, "handoff.callback-stored:"), error.Line);
        Assert.Contains("'{value.phoneDisplay}'", error.Problem);
    }

    [Fact]
    public void HandoffValueInFlowMessage_IsRefused()
    {
        var knowledge = new KnowledgeCopy();
        HandoffMessagesTests.Edit(knowledge, "A first name or initial is fine.", "A first name is fine, {advisor.firstName}.");

        var error = Assert.Single(Load(knowledge).Errors);

        Assert.Equal(LineOf(knowledge, "callback.name:"), error.Line);
        Assert.Contains("message 'callback.name' uses unknown placeholder '{advisor.firstName}'", error.Problem);
    }

    [Fact]
    public void CrisisLinesNamingThemselves_AreRefused()
    {
        var knowledge = new KnowledgeCopy();
        HandoffMessagesTests.Edit(knowledge, "You can also call us at {helpline.phone}.\"", "{crisis.lines}\"");

        var error = Assert.Single(Load(knowledge).Errors);

        Assert.Contains("message 'handoff.crisis-lines' uses unknown placeholder '{crisis.lines}'", error.Problem);
    }

    private static FlowValidationException Load(KnowledgeCopy knowledge) => Assert.Throws<FlowValidationException>(() =>
        FlowCatalog.LoadFrom(knowledge.Folder, "en", HandoffMessagesTests.Actions, new FakeTopicSource(), HandoffMessages.Required));

    private static int LineOf(KnowledgeCopy knowledge, string start) =>
        Array.FindIndex(File.ReadAllLines(knowledge.MessagesPath), l => l.TrimStart().StartsWith(start, StringComparison.Ordinal)) + 1;
}
