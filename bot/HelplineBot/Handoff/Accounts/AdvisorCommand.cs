using System.Text;

namespace HelplineBot.Handoff.Accounts;

/// <summary>
/// `dotnet run --project bot/HelplineBot -- advisors add --name "Sam Lee" [--username sam.lee] [--role advisor|supervisor]`.
/// The password is read from standard input (a prompt without echo on a terminal), never from the command line,
/// so it does not land in shell history or the process list.
/// </summary>
public static class AdvisorCommand
{
    public static bool IsInvocation(string[] args) => args.Length > 0 && args[0] == "advisors";

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args is not ["advisors", "add", .. var rest])
        {
            await error.WriteLineAsync("Usage: advisors add --name \"First Last\" [--username NAME] [--role advisor|supervisor]  (password on standard input)");
            return 2;
        }
        var name = Option(rest, "--name");
        var role = Option(rest, "--role") ?? AdvisorRoles.Advisor;
        if (string.IsNullOrWhiteSpace(name) || !AdvisorRoles.IsValid(role))
        {
            await error.WriteLineAsync("--name is required and --role must be advisor or supervisor.");
            return 2;
        }
        var userName = Option(rest, "--username") ?? string.Join('.', name.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

        await services.GetRequiredService<Storage.Sqlite.SqliteMigrator>().MigrateAsync(cancellationToken);
        var password = ReadPassword(input, error);
        if (password is null || password.Length < AdvisorAccounts.MinimumPasswordLength)
        {
            await error.WriteLineAsync($"The password needs at least {AdvisorAccounts.MinimumPasswordLength} characters.");
            return 2;
        }
        var accounts = services.GetRequiredService<AdvisorAccounts>();
        if (await accounts.FindAsync(userName, cancellationToken) is not null)
        {
            await error.WriteLineAsync($"An advisor named '{userName}' already exists.");
            return 1;
        }
        await accounts.CreateAsync(userName, name, role, password, cancellationToken);
        await output.WriteLineAsync($"Created {role} '{userName}' ({name}).");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string? ReadPassword(TextReader input, TextWriter error)
    {
        if (input != Console.In || Console.IsInputRedirected) return input.ReadLine();
        error.Write("Password: ");
        var password = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace) { if (password.Length > 0) password.Length--; }
            else if (!char.IsControl(key.KeyChar)) password.Append(key.KeyChar);
        }
        error.WriteLine();
        return password.ToString();
    }
}
