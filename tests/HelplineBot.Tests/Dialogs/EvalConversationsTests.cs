using System.Text.RegularExpressions;
using HelplineBot.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineBot.Tests.Dialogs;

/// <summary>
/// The conversations of shared/eval-dev/conversations.jsonl that belong to the dialog engine (menus,
/// prompts, expiry, callback, goodbye), read from that file and run turn by turn; each row's "expect" is
/// checked as behaviour. Crisis, knowledge and queue rows belong to other parts and are not run here.
/// c-15 is left out on purpose: it assumes "9" is not a menu option, but issue 3's main menu has nine
/// options, so "9" validly picks "Request a call back" (the attempt limit on a menu is covered by
/// PromptLimitsTests.ChoicePrompt_InvalidAnswersUpToLimit_RepromptsThenOffersWayOut).
/// </summary>
public partial class EvalConversationsTests
{
    private static readonly Dictionary<string, Func<DialogTestHost, IReadOnlyList<Reply>, Task>> Checks = new()
    {
        ["c-02"] = async (host, replies) =>
        {
            Assert.True(replies[2].Mentions("800-500-0399"), "turn 3 starts the handoff and says how to reach someone");
            Assert.DoesNotContain("2/6", replies[2].Text);
            var state = await host.ReadStateAsync();
            Assert.Empty(state!.Stack);
            Assert.NotNull(state.HandoffRequestedAt);
            Assert.False(state.CrisisFlagged);
        },
        ["c-04"] = async (host, replies) =>
        {
            Assert.True(replies[3].Mentions("area code") && replies[4].Mentions("area code"), "turns 4-5 re-prompt with the format");
            Assert.True(replies[5].Offers("advisor") && replies[5].Offers("menu"), "turn 6 offers a way out");
            Assert.False(replies[5].Mentions("area code"));
            Assert.Empty(await host.Requests.ListOpenCallbacksAsync(CancellationToken.None));
        },
        ["c-05"] = (host, replies) =>
        {
            Assert.True(replies[2].Mentions("welcome back"));
            Assert.Equal(9, replies[2].Options.Count);
            return Task.CompletedTask;
        },
        ["c-07"] = async (host, replies) =>
        {
            Assert.True(replies[1].Mentions("helpful"));
            Assert.Equal(["Yes", "No"], replies[1].Options);
            Assert.True(replies[2].Mentions("advisor"), "a 'no' gets an offer of an advisor");
            Assert.Equal([0L], await FeedbackAsync(host));
        },
        ["c-13"] = async (host, replies) =>
        {
            Assert.True(replies[0].Mentions("1/6"));
            Assert.True(replies[1].Mentions("1/6"), "the same question is asked again");
            Assert.False(replies[1].Mentions("didn't catch"), "a question is not an invalid answer");
            Assert.True(replies[2].Mentions("2/6"));
            Assert.Equal("weekly", (await host.ReadStateAsync())!.Answers["self-check.frequency"]);
        },
        ["c-16"] = async (host, replies) =>
        {
            Assert.True(replies[0].Mentions("1/6"));
            Assert.True(replies[1].Mentions("menu") && replies[1].Mentions("advisor"));
            Assert.Empty((await host.ReadStateAsync())!.Stack);
        },
        ["c-18"] = async (host, replies) =>
        {
            Assert.True(replies[^1].Mentions("24 hours"), "the confirmation says when to expect the call");
            var request = Assert.Single(await host.Requests.ListOpenCallbacksAsync(CancellationToken.None));
            Assert.Equal("+13125550123", request.PhoneE164);
            Assert.Equal("after 6pm", request.BestTime);
            Assert.False(request.VoicemailOk);
        },
    };

    public static TheoryData<string> Rows()
    {
        var data = new TheoryData<string>();
        if (EvalConversations.FindFile() is { } path)
        {
            foreach (var row in EvalConversations.Read(path).Where(r => Checks.ContainsKey(r.Id))) data.Add(row.Id);
        }
        else
        {
            data.Add("absent"); // the attribute skips the theory with its reason
        }
        return data;
    }

    [EvalConversationsTheory]
    [MemberData(nameof(Rows))]
    public async Task Conversation_FromEvalDev_BehavesAsExpected(string id)
    {
        var (_, turns, _) = EvalConversations.Read(EvalConversations.FindFile()!).Single(r => r.Id == id);
        await using var host = new DialogTestHost();
        var replies = new List<Reply>();

        foreach (var turn in turns)
        {
            if (Silence().Match(turn) is { Success: true } silence)
            {
                var amount = int.Parse(silence.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                host.Clock.Advance(silence.Groups[2].Value == "h" ? TimeSpan.FromHours(amount) : TimeSpan.FromMinutes(amount));
                replies.Add(new Reply([], 0));
                continue;
            }
            var reply = await host.SayAsync(turn);
            Assert.False(reply.IsEmpty, $"{id}: no reply to '{turn}'");
            replies.Add(reply);
        }

        await Checks[id](host, replies);
    }

    [EvalConversationsFact]
    public void EvalFile_HasEveryRowThisTestChecks()
    {
        var ids = EvalConversations.Read(EvalConversations.FindFile()!).Select(r => r.Id).ToHashSet();
        Assert.Superset(Checks.Keys.ToHashSet(), ids);
    }

    private static async Task<List<long>> FeedbackAsync(DialogTestHost host)
    {
        await using var connection = await host.Services.GetRequiredService<SqliteDatabase>().OpenAsync(CancellationToken.None);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT helpful FROM conversation_feedback";
        var values = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) values.Add(reader.GetInt64(0));
        return values;
    }

    [GeneratedRegex(@"^\[\[silence (\d+)([mh])\]\]$")]
    private static partial Regex Silence();
}
