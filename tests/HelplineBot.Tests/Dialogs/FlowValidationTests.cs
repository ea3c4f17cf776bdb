using HelplineBot.Dialogs.Flows;

namespace HelplineBot.Tests.Dialogs;

/// <summary>A broken flow file stops the start with the file, the line and what is wrong.</summary>
public class FlowValidationTests
{
    private static readonly IReadOnlySet<string> Actions =
        new HashSet<string> { "request-advisor", "store-callback", "self-check-result", "record-feedback" };

    [Fact]
    public void ShippedFlows_WithAllTopicsKnown_AreValid()
    {
        var set = FlowCatalog.LoadFrom(Path.Combine(AppContext.BaseDirectory, "knowledge"), "en", Actions, new FakeTopicSource());

        Assert.Contains("self-check", set.Flows.Keys);
        Assert.Contains("callback", set.Flows.Keys);
        Assert.True(set.Flows.Count >= 13);
    }

    [Fact]
    public void UnknownStepType_IsReportedWithFileAndLine()
    {
        var error = Single("""
            id: broken
            steps:
              - id: first
                type: message
                message: callback.intro
              - id: second
                type: carousel
                message: callback.intro
            """);

        Assert.Equal("knowledge/flows/broken.yaml", error.File);
        Assert.Equal(7, error.Line);
        Assert.Contains("unknown type 'carousel'", error.Problem);
    }

    [Fact]
    public void MissingMessage_IsReportedWithFileAndLine()
    {
        var error = Single("""
            id: broken
            steps:
              - id: first
                type: message
                message: no.such.message
            """);

        Assert.Equal(3, error.Line);
        Assert.Contains("'no.such.message'", error.Problem);
        Assert.Contains("missing", error.Problem);
    }

    [Fact]
    public void UnreachableStep_IsReported()
    {
        var error = Single("""
            id: broken
            steps:
              - id: first
                type: message
                message: callback.intro
                next: end
              - id: orphan
                type: message
                message: callback.intro
            """);

        Assert.Equal(7, error.Line);
        Assert.Contains("'orphan' is unreachable", error.Problem);
    }

    [Fact]
    public void ChoicePointingNowhere_IsReportedAtTheChoicesLine()
    {
        var error = Single("""
            id: broken
            steps:
              - id: pick
                type: choice
                message: next.question
                choices:
                  - { label: next.menu, value: menu, next: "flow:main-menu" }
                  - { label: next.advisor, value: advisor, next: nowhere }
            """);

        Assert.Equal(8, error.Line);
        Assert.Contains("step 'nowhere'", error.Problem);
        Assert.Contains("does not exist", error.Problem);
    }

    [Fact]
    public void TargetFlowMissing_IsReported()
    {
        var error = Single("""
            id: broken
            steps:
              - id: go
                type: goto
                next: "flow:no-such-flow"
            """);

        Assert.Contains("flow 'no-such-flow'", error.Problem);
    }

    [Fact]
    public void UnknownAction_IsReported()
    {
        var error = Single("""
            id: broken
            steps:
              - id: act
                type: action
                action: launch-rocket
            """);

        Assert.Contains("unknown action 'launch-rocket'", error.Problem);
    }

    [Fact]
    public void UnknownTopic_WithTopicSourceRegistered_IsReported()
    {
        var error = Single("""
            id: broken
            steps:
              - id: show
                type: topic
                topic: no-such-topic
            """);

        Assert.Contains("topic 'no-such-topic'", error.Problem);
    }

    [Fact]
    public void UnknownTopic_WithoutTopicSource_IsNotChecked()
    {
        var knowledge = new KnowledgeCopy();
        knowledge.WriteFlow("extra.yaml", "id: extra\nsteps:\n  - id: show\n    type: topic\n    topic: no-such-topic\n");

        var set = FlowCatalog.LoadFrom(knowledge.Folder, "en", Actions, topics: null);

        Assert.Contains("extra", set.Flows.Keys);
    }

    [Fact]
    public void UnknownPlaceholder_IsReportedWithFileAndLine()
    {
        var knowledge = new KnowledgeCopy();
        var text = File.ReadAllText(knowledge.MessagesPath);
        File.WriteAllText(knowledge.MessagesPath, text.Replace("call {helpline.phone} ({helpline.hours}).\"\n  treatment.intro", "call {helpline.fax}.\"\n  treatment.intro", StringComparison.Ordinal));

        var ex = Assert.Throws<FlowValidationException>(() => FlowCatalog.LoadFrom(knowledge.Folder, "en", Actions, new FakeTopicSource()));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("knowledge/messages/en.yaml", error.File);
        Assert.Equal(Array.FindIndex(File.ReadAllLines(knowledge.MessagesPath), l => l.Contains("topic.unavailable:", StringComparison.Ordinal)) + 1, error.Line);
        Assert.Contains("message 'topic.unavailable' uses unknown placeholder '{helpline.fax}'", error.Problem);
    }

    [Fact]
    public void InvalidYaml_IsReportedWithLine()
    {
        var error = Single("id: broken\nsteps:\n  - id: a\n    type: message\n   message: [unclosed\n");

        Assert.Contains("not valid YAML", error.Problem);
        Assert.True(error.Line > 0);
    }

    [Fact]
    public void RequiredFlowDeleted_IsReported()
    {
        var knowledge = new KnowledgeCopy();
        File.Delete(knowledge.FlowPath("way-out.yaml"));

        var ex = Assert.Throws<FlowValidationException>(() => FlowCatalog.LoadFrom(knowledge.Folder, "en", Actions, new FakeTopicSource()));

        Assert.Contains(ex.Errors, e => e.Problem.Contains("required flow 'way-out'", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Problem.Contains("'flow:way-out'", StringComparison.Ordinal) || e.Problem.Contains("flow 'way-out'", StringComparison.Ordinal));
    }

    [Fact]
    public void ExceptionMessage_ListsFileLineAndProblem()
    {
        var knowledge = new KnowledgeCopy();
        knowledge.WriteFlow("broken.yaml", "id: broken\nsteps:\n  - id: a\n    type: dance\n");

        var ex = Assert.Throws<FlowValidationException>(() => FlowCatalog.LoadFrom(knowledge.Folder, "en", Actions, null));

        Assert.Contains("knowledge/flows/broken.yaml:4: step 'a' has unknown type 'dance'", ex.Message);
    }

    private static FlowError Single(string yaml)
    {
        var knowledge = new KnowledgeCopy();
        knowledge.WriteFlow("broken.yaml", yaml);
        var ex = Assert.Throws<FlowValidationException>(() => FlowCatalog.LoadFrom(knowledge.Folder, "en", Actions, new FakeTopicSource()));
        return Assert.Single(ex.Errors);
    }
}
