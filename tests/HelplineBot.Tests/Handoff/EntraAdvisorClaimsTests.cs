using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using HelplineBot.Handoff.Accounts;

namespace HelplineBot.Tests.Handoff;

public class EntraAdvisorClaimsTests
{
    private static ClaimsPrincipal EntraUser(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "AuthenticationTypes.Federation"));

    [Fact]
    public void AdvisorRole_GivesAnAdvisorWithTheEntraObjectIdAndName()
    {
        var (advisor, refusal) = EntraAdvisorClaims.ToAdvisor(EntraUser(("oid", "0f9d"), ("name", "Robin Okafor"), ("roles", "advisor")));

        Assert.Null(refusal);
        var identity = AdvisorAuthentication.Identity(advisor!);
        Assert.Equal("entra:0f9d", identity.Id);
        Assert.Equal("Robin", identity.FirstName);
        Assert.False(identity.IsSupervisor);
        Assert.True(advisor!.IsInRole(AdvisorRoles.Advisor));
    }

    [Fact]
    public void SupervisorRole_WinsOverAdvisor()
    {
        var (advisor, _) = EntraAdvisorClaims.ToAdvisor(EntraUser(("oid", "1"), ("name", "Alex"), ("roles", "advisor"), ("roles", "Supervisor")));

        Assert.True(AdvisorAuthentication.Identity(advisor!).IsSupervisor);
    }

    [Fact]
    public void MappedClaimTypes_AreReadToo()
    {
        var (advisor, _) = EntraAdvisorClaims.ToAdvisor(EntraUser(
            ("http://schemas.microsoft.com/identity/claims/objectidentifier", "2"), (ClaimTypes.Name, "Sam Lee"), (ClaimTypes.Role, "advisor")));

        Assert.Equal("entra:2", AdvisorAuthentication.Identity(advisor!).Id);
        Assert.Equal("Sam Lee", AdvisorAuthentication.Identity(advisor!).DisplayName);
    }

    [Fact]
    public void WithoutAName_TheSignInNameIsUsed()
    {
        var (advisor, _) = EntraAdvisorClaims.ToAdvisor(EntraUser(("oid", "3"), ("preferred_username", "sam@helpline.example"), ("roles", "advisor")));

        Assert.Equal("sam@helpline.example", AdvisorAuthentication.Identity(advisor!).DisplayName);
    }

    [Theory]
    [InlineData("reader")]
    [InlineData("")]
    public void WithoutAConsoleRole_IsRefused(string role)
    {
        var (advisor, refusal) = EntraAdvisorClaims.ToAdvisor(EntraUser(("oid", "4"), ("name", "Pat"), ("roles", role)));

        Assert.Null(advisor);
        Assert.Contains("role", refusal);
    }

    [Fact]
    public void WithoutAnObjectId_IsRefused()
    {
        var (advisor, refusal) = EntraAdvisorClaims.ToAdvisor(EntraUser(("name", "Pat"), ("roles", "advisor")));

        Assert.Null(advisor);
        Assert.Contains("oid", refusal);
    }

    [Theory]
    [InlineData("common", "s", "TenantId")]
    [InlineData("organizations", "s", "TenantId")]
    [InlineData("8f1e2c55-0000-4000-8000-000000000001", "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/x)", "ClientSecret")]
    [InlineData("contoso.onmicrosoft.com", "", "ClientSecret")]
    public void Settings_ThatWouldLetOthersInOrCannotWork_AreRefused(string tenant, string secret, string member)
    {
        var settings = new EntraSettings { TenantId = tenant, ClientId = "app", ClientSecret = secret };
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(settings, new ValidationContext(settings), results, validateAllProperties: true));
        Assert.Contains(results, r => r.MemberNames.Contains(member));
    }

    [Fact]
    public void Settings_ForOneTenant_AreAccepted()
    {
        var settings = new EntraSettings { TenantId = "contoso.onmicrosoft.com", ClientId = "app", ClientSecret = "from-key-vault" };

        Assert.True(Validator.TryValidateObject(settings, new ValidationContext(settings), [], validateAllProperties: true));
    }
}
