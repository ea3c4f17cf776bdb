using System.Net;

namespace HelplineBot.IntegrationTests.Support;

/// <summary>Every Direct Line route a conversation token opens, called with a given token, with what each answered.</summary>
public static class DirectLineRoutes
{
    public static async Task<IReadOnlyList<(string Route, HttpStatusCode Status, string? Code)>> CallEachAsync(
        DirectLineApi api, HelplineBotApp app, string conversationId, string token)
    {
        var answers = new List<(string, HttpStatusCode, string?)>();
        async Task Record(string route, Task<HttpResponseMessage> call)
        {
            using var response = await call;
            var code = response.StatusCode == HttpStatusCode.OK ? null : await DirectLineApi.AssertErrorAsync(response, response.StatusCode);
            answers.Add((route, response.StatusCode, code));
        }

        await Record("GET conversation", api.SendAsync(HttpMethod.Get, $"conversations/{conversationId}?watermark=1", token));
        await Record("GET activities", api.SendAsync(HttpMethod.Get, $"conversations/{conversationId}/activities", token));
        await Record("POST activities", api.PostActivityAsync(conversationId, token, DirectLineApi.Message("hello", DirectLineApi.NewClientActivityId())));
        var stream = $"ws://{app.BaseAddress.Authority}/v3/directline/conversations/{conversationId}/stream?t={Uri.EscapeDataString(token)}";
        answers.Add(("stream", await ActivityStreamClient.StatusOfConnectAsync(stream), null));
        return answers;
    }
}
