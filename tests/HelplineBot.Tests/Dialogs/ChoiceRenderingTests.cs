using System.Text.Json;
using HelplineBot.Dialogs.Rendering;
using HelplineBot.Protocol.Schema;

namespace HelplineBot.Tests.Dialogs;

/// <summary>Choices reach each channel in a form it shows, and a card press comes back as an answer.</summary>
public class ChoiceRenderingTests
{
    [Theory]
    [InlineData("directline")]
    [InlineData("webchat")]
    public void Render_WebChatChannels_UsesImBackSuggestedActions(string channelId)
    {
        var activity = ChoiceRendering.Render(channelId, "Pick one", ["Yes", "No"]);

        Assert.Equal("Pick one", activity.Text);
        Assert.All(activity.SuggestedActions!.Actions!, a => Assert.Equal(ActionTypes.ImBack, a.Type));
        Assert.Equal(["Yes", "No"], activity.SuggestedActions.Actions!.Select(a => a.Title));
        Assert.Null(activity.Attachments);
    }

    [Fact]
    public void Render_Teams_UsesAdaptiveCardWithSubmitButtons()
    {
        var activity = ChoiceRendering.Render("msteams", "Pick one", ["Yes", "No"]);

        Assert.Null(activity.SuggestedActions);
        var card = Assert.Single(activity.Attachments!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", card.ContentType);
        var content = card.Content!.Value;
        Assert.Equal("1.5", content.GetProperty("version").GetString());
        Assert.Equal("Pick one", content.GetProperty("body")[0].GetProperty("text").GetString());
        var actions = content.GetProperty("actions").EnumerateArray().ToList();
        Assert.All(actions, a => Assert.Equal("Action.Submit", a.GetProperty("type").GetString()));
        Assert.Equal("No", actions[1].GetProperty("data").GetProperty(ChoiceRendering.SubmitProperty).GetString());
    }

    [Fact]
    public void Render_UnknownChannel_NumbersTheOptionsInTheText()
    {
        var activity = ChoiceRendering.Render("sms", "Pick one", ["Yes", "No"]);

        Assert.Contains("1. Yes", activity.Text);
        Assert.Contains("2. No", activity.Text);
        Assert.Null(activity.SuggestedActions);
    }

    [Fact]
    public void ReadSubmittedChoice_CardValue_ReturnsTheLabel()
    {
        var activity = new Activity { Value = JsonDocument.Parse("""{"helplineChoice":"Take a self-check"}""").RootElement.Clone() };

        Assert.Equal("Take a self-check", ChoiceRendering.ReadSubmittedChoice(activity));
        Assert.Null(ChoiceRendering.ReadSubmittedChoice(new Activity { Value = JsonDocument.Parse("""{"other":1}""").RootElement.Clone() }));
    }

    [Fact]
    public async Task Teams_CardPressWithEmptyText_IsTreatedAsTheTypedAnswer()
    {
        await using var host = new DialogTestHost();
        var menu = await host.SayAsync("menu", channelId: "msteams");
        var card = menu.Activities.Last().Attachments!.Single().Content!.Value;
        var selfCheck = card.GetProperty("actions").EnumerateArray()
            .Single(a => a.GetProperty("title").GetString()!.Contains("self-check", StringComparison.Ordinal)).GetProperty("data");

        var press = host.Message("", channelId: "msteams");
        press.Text = null;
        press.Value = selfCheck.Clone();
        await host.SendAsync(press);
        var reply = host.Sender.TakeReplies("c1");

        Assert.Contains(reply.Activities, a => a.Text?.Contains("not a diagnosis", StringComparison.Ordinal) == true);
        Assert.Equal("self-check", (await host.ReadStateAsync(channelId: "msteams"))!.Stack.Single().DialogId);
    }
}
