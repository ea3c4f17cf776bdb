using Microsoft.Playwright;

namespace HelplineBot.IntegrationTests.Support;

/// <summary>Everything a page asked the network for and complained about, to prove it stays on the app's own origin.</summary>
public sealed class PageRecorder
{
    private readonly List<string> _requests = [];
    private readonly List<string> _webSockets = [];
    private readonly List<string> _failures = [];
    private readonly List<string> _errors = [];

    public PageRecorder(IBrowserContext context, IPage page)
    {
        context.Request += (_, request) => Add(_requests, request.Url);
        context.Response += (_, response) =>
        {
            if (response.Status >= 400) Add(_failures, $"{response.Status} {response.Url}");
        };
        page.WebSocket += (_, socket) => Add(_webSockets, socket.Url);
        page.Console += (_, message) =>
        {
            // The browser asks for /favicon.ico by itself (same origin); the demo page has none, which is not a page error.
            if (message.Type == "error" && !message.Location.Contains("/favicon.ico", StringComparison.Ordinal))
                Add(_errors, $"{message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => Add(_errors, "page error: " + error);
    }

    public IReadOnlyList<string> Requests => Snapshot(_requests);

    public IReadOnlyList<string> WebSockets => Snapshot(_webSockets);

    /// <summary>Responses with status 400 or more.</summary>
    public IReadOnlyList<string> Failures => Snapshot(_failures);

    /// <summary>Console errors (content security policy violations land here) and uncaught page errors.</summary>
    public IReadOnlyList<string> Errors => Snapshot(_errors);

    /// <summary>Requests and sockets that left the app's own host and port (data: and blob: never leave the browser).</summary>
    public IReadOnlyList<string> ElsewhereThan(Uri app) =>
        Requests.Concat(WebSockets)
            .Where(url => !url.StartsWith("data:", StringComparison.Ordinal) && !url.StartsWith("blob:", StringComparison.Ordinal))
            .Where(url => !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Authority != app.Authority
                          || uri.Scheme is not ("http" or "ws"))
            .ToList();

    private static void Add(List<string> list, string value)
    {
        lock (list) list.Add(value);
    }

    private static List<string> Snapshot(List<string> list)
    {
        lock (list) return [.. list];
    }
}
