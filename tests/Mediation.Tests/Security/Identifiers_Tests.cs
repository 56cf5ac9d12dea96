using Mediation.Core.PersonalData;
using Mediation.Core.Identity;
using Mediation.Core.Domain;
using Mediation.Core.Security;
using Shouldly;

namespace Mediation.Tests.Security;

public sealed class Identifiers_Tests
{
    [Theory]
    [InlineData("11010519491231002X", true)]
    [InlineData("110105194912310021", false)]  // wrong check character
    [InlineData("11010519491331002X", false)]  // month 13
    [InlineData("11010519491231002", false)]   // 17 characters
    [InlineData("370902198001011237", false)]
    public void Citizen_ID_numbers_follow_GB_11643(string value, bool valid) =>
        ChineseIdentifiers.IsValidIdCardNumber(value).ShouldBe(valid);

    [Theory]
    [InlineData("91350100M000100Y43", true)]
    [InlineData("91350100M000100Y44", false)]
    [InlineData("91350100M000100I43", false)]  // I is not in the alphabet
    public void Credit_codes_follow_GB_32100(string value, bool valid) =>
        ChineseIdentifiers.IsValidCreditCode(value).ShouldBe(valid);

    [Theory]
    [InlineData("13800138000", true)]
    [InlineData("12800138000", false)]
    [InlineData("1380013800", false)]
    public void Mobile_numbers_are_checked_by_format(string value, bool valid) =>
        ChineseIdentifiers.IsValidMobile(value).ShouldBe(valid);

    [Fact]
    public void Masks_keep_only_the_ends()
    {
        Masking.Mask(PersonalDataKind.IdCardNumber, "37090219800101123X").ShouldBe("3709**********123X");
        Masking.Mask(PersonalDataKind.Mobile, "13800138000").ShouldBe("138****8000");
    }

    [Fact]
    public void One_person_never_holds_two_admin_duties()
    {
        Should.Throw<BusinessException>(() => UserAdminService.EnsureAdminDutiesSeparated([RoleNames.SystemAdmin, RoleNames.AuditAdmin]))
            .Code.ShouldBe(IdentityErrorCodes.AdminDutiesSeparated);
        Should.NotThrow(() => UserAdminService.EnsureAdminDutiesSeparated([RoleNames.SystemAdmin, RoleNames.Statistician]));
    }
}
