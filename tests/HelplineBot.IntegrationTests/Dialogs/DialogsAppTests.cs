using System.Collections.Concurrent;
using HelplineBot.Channels;
using HelplineBot.Dialogs.Flows;
using HelplineBot.Protocol.Schema;
using HelplineBot.Turns;
using ChannelIds = HelplineBot.Protocol.Schema.Channels;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineBot.IntegrationTests.Dialogs;

/// <summary>The dialog engine inside the real app: start-up validation and state shared by instances.</summary>
public class DialogsAppTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task NewAppInstance_SameDatabase_ContinuesTheQuestionnaire()
    {
        var folder = Directory.CreateTempSubdirectory("helplinebot-test-").FullName;
        var firstSender = new RecordingSender();
        await using (var first = new HelplineBotApp(dataFolder: folder, services: s => s.Insert(0, ServiceDescriptor.Singleton<IChannelSender>(firstSender))))
        {
            await SayAsync(first, "self-check");
            await SayAsync(first, "weekly");
            Assert.Contains(firstSender.Texts, t => t.Contains("2/6", StringComparison.Ordinal));
        }

        var secondSender = new RecordingSender();
        await using var second = new HelplineBotApp(dataFolder: folder, services: s => s.Insert(0, ServiceDescriptor.Singleton<IChannelSender>(secondSender)));
        await SayAsync(second, "no");

        Assert.Contains(secondSender.Texts, t => t.Contains("3/6", StringComparison.Ordinal));
        Assert.DoesNotContain(secondSender.Texts, t => t.Contains("confidential", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PersonJoins_RealApp_WelcomesWithNoticeAndMenu()
    {
        var sender = new RecordingSender();
        await using var app = new HelplineBotApp(services: s => s.Insert(0, ServiceDescriptor.Singleton<IChannelSender>(sender)));

        await app.Services.GetRequiredService<TurnPipeline>().ProcessAsync(new Activity
        {
            Type = ActivityTypes.ConversationUpdate, Id = "join-1", ChannelId = ChannelIds.DirectLine,
            Conversation = new ConversationAccount { Id = "conv" }, From = new ChannelAccount { Id = "u" },
            Recipient = new ChannelAccount { Id = "helpline-bot" },
            MembersAdded = [new ChannelAccount { Id = "helpline-bot" }, new ChannelAccount { Id = "u" }],
        }, CancellationToken.None).WaitAsync(Timeout);

        Assert.Contains(sender.Sent, a => a.Text?.Contains("988", StringComparison.Ordinal) == true);
        var menu = Assert.Single(sender.Sent, a => a.SuggestedActions is not null);
        Assert.Equal(9, menu.SuggestedActions!.Actions!.Count);
        Assert.All(sender.Sent, a => Assert.Null(a.ReplyToId)); // answering a Direct Line conversationUpdate (protocol.md §1.6)
    }

    [Fact]
    public void BrokenFlowFile_StopsTheStartWithFileLineAndProblem()
    {
        var knowledge = CopyKnowledge();
        File.WriteAllText(Path.Combine(knowledge, "flows", "broken.yaml"), "id: broken\nsteps:\n  - id: a\n    type: dance\n");

        var ex = Record.Exception(() => new HelplineBotApp(new Dictionary<string, string?> { ["Dialogs:KnowledgeFolder"] = knowledge }).Dispose());

        var validation = Assert.IsType<FlowValidationException>(Unwrap(ex));
        Assert.Contains("knowledge/flows/broken.yaml:4: step 'a' has unknown type 'dance'", validation.Message);
    }

    private static Exception? Unwrap(Exception? ex)
    {
        while (ex is AggregateException or System.Reflection.TargetInvocationException && ex.InnerException is not null) ex = ex.InnerException;
        return ex;
    }

    private static async Task SayAsync(HelplineBotApp app, string text)
    {
        await app.Services.GetRequiredService<TurnPipeline>().ProcessAsync(new Activity
        {
            Type = ActivityTypes.Message, Id = Guid.NewGuid().ToString("N"), ChannelId = ChannelIds.DirectLine,
            Conversation = new ConversationAccount { Id = "conv" }, From = new ChannelAccount { Id = "u" },
            Recipient = new ChannelAccount { Id = "helpline-bot" }, Text = text,
        }, CancellationToken.None).WaitAsync(Timeout);
    }

    private static string CopyKnowledge()
    {
        var target = Directory.CreateTempSubdirectory("helplinebot-knowledge-").FullName;
        var source = Path.Combine(AppContext.BaseDirectory, "knowledge");
        foreach (var file in Directory.GetFiles(source, "*.yaml", SearchOption.AllDirectories))
        {
            var path = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Copy(file, path);
        }
        return target;
    }

    private sealed class RecordingSender : IChannelSender
    {
        private readonly ConcurrentQueue<Activity> _sent = new();

        public IReadOnlyList<Activity> Sent => _sent.ToArray();
        public IEnumerable<string> Texts => _sent.Select(a => a.Text ?? "");

        public bool CanSend(Activity activity) => true;

        public Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
        {
            _sent.Enqueue(activity);
            return Task.FromResult(new ResourceResponse(Guid.NewGuid().ToString("N")));
        }
    }
}
