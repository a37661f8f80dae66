/// The files `init` writes, the same text as `templates/` (a test keeps the two equal).
public enum Templates {
    /// File name and text of each template, in the order `init` writes them.
    public static let files: [(name: String, text: String)] = [
        ("tracker.csv", #"""
id,type,title,objective,parent,owner,team,status,progress,start,due,forecast,updated,depends-on,weight,baseline,target,actual,unit,direction,notes
O1,objective,Grow revenue from existing customers,,,Ana Lopez,Sales,not-started,,2027-01-01,2027-12-31,,2027-01-04,,,,,,,,One line on why this objective matters
KR1.1,key-result,Net revenue retention,O1,O1,Ana Lopez,Sales,not-started,,2027-01-01,2027-12-31,,2027-01-04,,,104,112,104,%,up,
I-01,initiative,Usage-based pricing,O1,KR1.1,Ben Okafor,Payments,not-started,,2027-01-01,2027-10-31,,2027-01-04,,2,,,,,,
M-001,milestone,Pricing page live,,I-01,Chen Wei,Growth,not-started,0%,2027-01-01,2027-03-15,,2027-01-04,,,,,,,,
M-002,milestone,Billing migration,,I-01,Dana Park,Payments,not-started,0%,2027-03-15,2027-09-30,,2027-01-04,M-001,,,,,,,Waits for the pricing page

"""#),
        ("people.csv", #"""
person,team,email,fte
Ana Lopez,Sales,ana.lopez@example.com,1
Ben Okafor,Payments,ben.okafor@example.com,1
Chen Wei,Growth,chen.wei@example.com,0.8
Dana Park,Payments,dana.park@example.com,1

"""#),
        ("capacity.csv", #"""
person,team,period,available,allocated,item
Ben Okafor,Payments,2027-Q3,1,0.6,I-01
Ben Okafor,Payments,2027-Q3,1,0.4,BAU
Dana Park,Payments,2027-Q3,1,0.8,M-002
Chen Wei,Growth,2027-Q3,0.8,0.5,M-001

"""#),
        ("conventions.csv", Conventions.builtInSheet),
    ]
}
