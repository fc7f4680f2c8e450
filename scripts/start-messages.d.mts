export declare function electronUnavailable(reason: string | null | undefined): string;
export declare function browserModeLine(why: string): string;
