using HelplineBot.Dialogs;
using HelplineBot.Dialogs.Actions;
using HelplineBot.Dialogs.Flows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HelplineBot.Tests.Dialogs;

public class FlowReloadTests
{
    [Fact]
    public async Task WatchForChanges_EditedMessage_IsPickedUpWithoutRestart()
    {
        var knowledge = new KnowledgeCopy();
        using var catalog = CreateSut(knowledge);
        catalog.Load();
        catalog.WatchForChanges();
        var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        catalog.Reloaded += () => reloaded.TrySetResult();

        File.WriteAllText(knowledge.MessagesPath, File.ReadAllText(knowledge.MessagesPath)
            .Replace("What would you like to know about?", "EDITED menu question", StringComparison.Ordinal));
        await reloaded.Task.WaitAsync(DialogTestHost.Timeout);

        Assert.StartsWith("EDITED", catalog.Current.Messages.Get("menu.question"), StringComparison.Ordinal);
    }

    [Fact]
    public void Reload_BrokenEdit_KeepsTheLastGoodFlows()
    {
        var knowledge = new KnowledgeCopy();
        using var catalog = CreateSut(knowledge);
        var good = catalog.Load();

        knowledge.WriteFlow("broken.yaml", "id: broken\nsteps:\n  - id: a\n    type: dance\n");

        Assert.Throws<FlowValidationException>(() => catalog.Load());
        Assert.Same(good, catalog.Current);
    }

    private static FlowCatalog CreateSut(KnowledgeCopy knowledge) => new(
        Options.Create(new DialogsOptions { KnowledgeFolder = knowledge.Folder }),
        [new RequestAdvisorAction(), new SelfCheckResultAction(), new StoreCallbackAction(null!), new RecordFeedbackAction(null!)],
        new ServiceCollection().BuildServiceProvider(),
        NullLogger<FlowCatalog>.Instance);
}
