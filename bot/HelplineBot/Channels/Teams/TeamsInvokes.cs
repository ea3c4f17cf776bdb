using System.Text.Json;
using HelplineBot.Dialogs.Rendering;
using HelplineBot.Protocol.Schema;

namespace HelplineBot.Channels.Teams;

/// <summary>
/// The invoke activities the bot answers and how (protocol.md §2.3, §6.5), as the Bot Framework SDK does:
/// <c>adaptiveCard/action</c> (Action.Execute) gets a typed body, a malformed one 400 with
/// <c>application/vnd.microsoft.error</c>; <c>signin/*</c> 200 with no body; anything else is left
/// unanswered so the endpoint replies 501.
/// </summary>
public static class TeamsInvokes
{
    public const string AdaptiveCardAction = "adaptiveCard/action";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    public static TeamsInvokeKind Classify(Activity invoke)
    {
        if (invoke.Name is null) return TeamsInvokeKind.Unknown;
        if (invoke.Name.StartsWith("signin/", StringComparison.Ordinal)) return TeamsInvokeKind.SignIn;
        if (invoke.Name != AdaptiveCardAction) return TeamsInvokeKind.Unknown;
        return ActionOf(invoke) is { } action
               && action.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
               && type.GetString() == "Action.Execute"
            ? TeamsInvokeKind.CardAction
            : TeamsInvokeKind.MalformedCardAction;
    }

    /// <summary>The choice label an Action.Execute carries in its data (the same property as Action.Submit), or null.</summary>
    public static string? SubmittedChoice(Activity invoke)
    {
        if (ActionOf(invoke) is not { } action
            || !action.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty(ChoiceRendering.SubmitProperty, out var choice) || choice.ValueKind != JsonValueKind.String)
        {
            return null;
        }
        return choice.GetString();
    }

    public static InvokeResponse SignedIn() => new(StatusCodes.Status200OK);

    /// <summary>200 with a short message Teams shows in place of the card's progress (a toast-like notice).</summary>
    public static InvokeResponse Message(string text) =>
        new(StatusCodes.Status200OK, Body(writer =>
        {
            writer.WriteNumber("statusCode", StatusCodes.Status200OK);
            writer.WriteString("type", MessageType);
            writer.WriteString("value", text);
        }));

    /// <summary>400 in the shape the SDK sends for an adaptiveCard/action that is not an Action.Execute.</summary>
    public static InvokeResponse BadRequest(string message) =>
        new(StatusCodes.Status400BadRequest, Body(writer =>
        {
            writer.WriteNumber("statusCode", StatusCodes.Status400BadRequest);
            writer.WriteString("type", ErrorType);
            writer.WriteStartObject("value");
            writer.WriteString("code", "BadRequest");
            writer.WriteString("message", message);
            writer.WriteEndObject();
        }));

    private static JsonElement? ActionOf(Activity invoke) =>
        invoke.Value is { ValueKind: JsonValueKind.Object } value
        && value.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object
            ? action
            : null;

    private static JsonElement Body(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }
        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }
}
