using HelplineBot.Channels.DirectLine;
using HelplineBot.Channels.Teams.Alerts;
using HelplineBot.Channels.WebChat;
using HelplineBot.Conversations;
using HelplineBot.Dialogs;
using HelplineBot.Dialogs.Seams;
using HelplineBot.Handoff;
using HelplineBot.Hosting;
using HelplineBot.Knowledge;
using HelplineBot.Protocol;
using HelplineBot.Safety;
using HelplineBot.Storage;
using HelplineBot.Turns;

// The bot's files (appsettings.json, knowledge/, wwwroot/) travel with the build output, so it runs the
// same from `dotnet run`, from tests and from a published folder.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,
    WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
});

builder.AddHosting();
builder.Services.AddStorage();
builder.AddProtocol();
builder.Services.AddDirectLine();
builder.Services.AddChatPage();
builder.Services.AddSafetyScreening();
builder.Services.AddKnowledge();
builder.Services.AddSingleton<IFreeTextAnswerer, KnowledgeFreeTextAnswerer>();
builder.Services.AddDialogs();
builder.Services.AddSingleton<HelplineConversation>();
builder.Services.AddTurns<ConversationRouter>();
builder.Services.AddHandoff(builder.Configuration);
builder.Services.AddTeamsAlerts();

var app = builder.Build();

if (await app.RunAdvisorCommandAsync(args) is { } exitCode) return exitCode;

app.UseHosting();
app.UseWebSockets();
app.MapHealth();
app.MapBotMessages();
app.MapDirectLine();
app.UseAdvisorConsole();
app.MapChatPage();

app.Run();
return 0;

/// <summary>Entry point type, visible to the tests that start the app.</summary>
public partial class Program;
