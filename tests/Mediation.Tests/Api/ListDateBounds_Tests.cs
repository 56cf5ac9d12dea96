using System.Net;
using Mediation.Core.Domain;
using Mediation.Tests.Infrastructure;
using Shouldly;

namespace Mediation.Tests.Api;

/// <summary>
/// Every filtered list bounds its days through ListCriteria.DateRange: year 1 and year 9999 are a 400 on the field, not the 500 an
/// instant outside DateTimeOffset's range threw when the China day was turned into UTC.
/// </summary>
public sealed class ListDateBounds_Tests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("demo.mediator", "/api/cases")]
    [InlineData("demo.petitionofficer", "/api/petitions")]
    [InlineData("demo.deskofficer", "/api/service-desk/requests")]
    public async Task A_day_outside_the_calendar_is_refused_on_its_field(string userName, string path)
    {
        var client = await app.Factory.ClientAsAsync(userName);
        foreach (var (query, field, code) in new[]
                 {
                     ("from=0001-01-01", "from", CoreErrorCodes.Validation.DateTooEarly),
                     ("to=9999-12-31", "to", CoreErrorCodes.Validation.DateTooLate),
                 })
        {
            var response = await client.GetAsync($"{path}?{query}");
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
            (await response.ReadJsonAsync()).GetProperty("errors").GetProperty(field)[0].GetProperty("code").GetString().ShouldBe(code);
        }
    }
}
